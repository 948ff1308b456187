"""Reading the bytes of a label file safely: what it is, its zip, its XML parts, its grids."""
