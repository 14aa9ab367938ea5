# Only the exact KeyboardInterrupt type makes the process die by SIGINT; an
# uncaught subclass is an ordinary uncaught exception: status 1.
class MyInterrupt(KeyboardInterrupt):
    pass

print(issubclass(MyInterrupt, KeyboardInterrupt))
raise MyInterrupt('custom')
