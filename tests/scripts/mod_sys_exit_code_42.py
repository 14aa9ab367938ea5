import sys
print("output before exit is flushed")
sys.stdout.write("written, not printed\n")
def leave():
    try:
        sys.exit(42)
    finally:
        print("finally runs during sys.exit")
leave()
print("not reached")
