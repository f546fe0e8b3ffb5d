"""The engine: pure Python + torch. Nothing in this package may import Qt."""
