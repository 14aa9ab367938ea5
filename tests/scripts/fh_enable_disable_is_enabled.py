# faulthandler starts disabled; enable() returns None, disable() says
# whether it was enabled.
import faulthandler
import sys

print(faulthandler.is_enabled())
print(faulthandler.enable())
print(faulthandler.is_enabled())
print(faulthandler.enable())
print(faulthandler.disable())
print(faulthandler.is_enabled())
print(faulthandler.disable())
print(faulthandler.enable(file=sys.stderr), faulthandler.is_enabled())
print(faulthandler.disable())
