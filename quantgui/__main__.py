"""``python -m quantgui`` opens the window."""

import sys

from quantgui.app import main

sys.exit(main())
