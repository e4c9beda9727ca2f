__title__ = "acme"
__version__ = "1.0"
