# A signal that arrives while a pure-Python loop spins is handled at a check
# point inside the loop: the loop that waits for the handler terminates,
# and the handler's frame is the looping function.
import signal

state = {'fired': 0, 'where': None}

def handler(signum, frame):
    state['fired'] += 1
    if state['where'] is None:
        state['where'] = frame.f_code.co_name

def spin():
    state['where'] = None
    state['fired'] = 0
    n = 0
    while state['fired'] == 0:
        n += 1
    return n >= 0

signal.signal(signal.SIGALRM, handler)
# A repeating timer: a tick that lands before spin() starts is harmless.
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
spun = spin()
signal.setitimer(signal.ITIMER_REAL, 0)
print('fired:', state['fired'] >= 1)
print('handled in:', state['where'])
print(signal.getitimer(signal.ITIMER_REAL))
