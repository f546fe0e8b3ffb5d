"""The bridge between the core (plain Python + torch) and Qt: work runs off the GUI thread."""
