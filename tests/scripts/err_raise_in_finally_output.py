def work():
    try:
        print("working")
        raise ValueError("bad value")
    finally:
        print("cleanup runs before the traceback")

work()
