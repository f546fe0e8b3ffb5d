"""QuantGUI: see and do PyTorch quantization."""

__version__ = "0.1.0"
