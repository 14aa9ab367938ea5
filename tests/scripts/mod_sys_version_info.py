import sys
print(sys.version_info[0])
print(sys.version_info[0] >= 3, sys.version_info[0] == 3)
print(type(sys.version_info[0]), type(sys.version_info[1]))
print(len(sys.version_info) >= 3)
