class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "config key %r: %s" % (self.key, self.reason)
try:
    raise ConfigError("port")
except AppError as e:
    print(type(e), e, e.args, e.key)
    print(repr(AppError("x")), str(AppError("a", "b")), repr(AppError()))
try:
    raise AppError("plain message")
except Exception as e:
    print(e, isinstance(e, ConfigError))
print(issubclass(ConfigError, Exception), issubclass(ConfigError, BaseException))
