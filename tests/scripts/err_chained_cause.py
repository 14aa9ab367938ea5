class ConfigError(Exception):
    pass

def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("invalid port") from e

read_port("eighty")
