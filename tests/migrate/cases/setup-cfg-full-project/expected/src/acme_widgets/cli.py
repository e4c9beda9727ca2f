def main() -> None:
    pass


def admin() -> None:
    pass
