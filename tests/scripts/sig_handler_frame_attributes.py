# The frame passed to a handler run inside os.kill is the caller's real
# frame: code, line, locals, globals and the calling frame behind it.
import os
import signal

MARK = 'global-mark'
info = {}

def handler(signum, frame):
    info['name'] = frame.f_code.co_name
    info['line'] = frame.f_lineno
    info['first'] = frame.f_code.co_firstlineno
    info['file'] = frame.f_code.co_filename.endswith('sig_handler_frame_attributes.py')
    info['local'] = frame.f_locals['secret']
    info['global'] = frame.f_globals['MARK']
    info['back'] = frame.f_back.f_code.co_name
    info['back_line'] = frame.f_back.f_lineno
    info['back_back'] = frame.f_back.f_back.f_code.co_name
    info['outermost'] = frame.f_back.f_back.f_back is None

def target(secret):
    os.kill(os.getpid(), signal.SIGUSR1)

def middle():
    target(42)

signal.signal(signal.SIGUSR1, handler)
middle()
for key in ('name', 'line', 'first', 'file', 'local', 'global', 'back',
            'back_line', 'back_back', 'outermost'):
    print(key, info[key])
