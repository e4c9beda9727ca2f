def main() -> None:
    print("demo")
