"""One module per technique; each exposes a generator ``quantize(model, data, recipe, cancel)``."""
