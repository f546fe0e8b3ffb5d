"""The desktop window: thin Qt widgets over the core, fed by ``quantgui.jobs``."""
