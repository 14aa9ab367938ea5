# os.environ is a str-to-str mapping; getenv reads it with a default;
# changes are inherited by a forked child.
import os
import sys

name = 'SIGVM_TEST_VARIABLE_THAT_IS_NOT_SET'
print(os.getenv(name), os.getenv(name, 'default'))
print(name in os.environ, 'PATH' in os.environ)
print(type(os.environ['PATH']).__name__, os.getenv('PATH') == os.environ['PATH'])
try:
    os.environ[name]
except KeyError as e:
    print('KeyError', e)
os.environ[name] = 'value-1'
print(os.getenv(name), os.environ.get(name))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print('child sees', os.getenv(name))
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
del os.environ[name]
print(os.getenv(name, 'gone'))
