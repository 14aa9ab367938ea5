import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0], type(sys.argv))
print(sys.argv[1:])
