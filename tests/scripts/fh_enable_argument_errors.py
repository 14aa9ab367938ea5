# faulthandler.enable(file=...): an fd must be valid, anything else needs a
# fileno() method.
import faulthandler
import os

r, w = os.pipe()
for f in (-1, 'x', [1]):
    try:
        faulthandler.enable(file=f)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
print(faulthandler.is_enabled())
faulthandler.enable(file=w)
print(faulthandler.is_enabled())
faulthandler.disable()
print(faulthandler.is_enabled())
