"""Reading each data row: cells as text, counts, servings, validation into label lines."""
