try:
    import no_such_module_here
except ImportError as e:
    print("ImportError:", e)
try:
    from sys import no_such_name
except ImportError as e:
    print("ImportError:", e)
import sys
try:
    sys.no_such_attribute
except AttributeError as e:
    print("AttributeError:", e)
print(issubclass(ImportError, Exception))
