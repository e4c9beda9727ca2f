# Copyright (C) 2014 Daniel Lintott.
__version__ = '1.2.3'
