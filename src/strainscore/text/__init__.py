"""Text rules shared by every reader and writer: one scale grammar for amounts, one set of
invisible characters. Nothing here imports another strainscore package."""
