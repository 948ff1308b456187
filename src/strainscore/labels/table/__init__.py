"""Finding the header row of a grid and the fields its columns name."""
