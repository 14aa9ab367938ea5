# poll(): POLLIN once data is there, POLLOUT for a writable end, POLLHUP
# when the writer is gone, POLLNVAL for a closed fd; modify/unregister.
import os
import select

print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR,
      select.POLLHUP, select.POLLNVAL)
r, w = os.pipe()
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(p.poll(0) == [(w, select.POLLOUT)])
os.write(w, b'data')
events = sorted(p.poll(0))
print(events == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.unregister(w)
print(p.poll(0) == [(r, select.POLLIN)])
print(p.poll(100) == [(r, select.POLLIN)])
os.read(r, 10)
print(p.poll(0))
os.close(w)
print(p.poll(0) == [(r, select.POLLHUP)])
p.modify(r, select.POLLOUT)
print(p.poll(0) == [(r, select.POLLHUP)])
c1, c2 = os.pipe()
os.close(c1)
os.close(c2)
q = select.poll()
q.register(c1)
print(q.poll(0) == [(c1, select.POLLNVAL)])
q.unregister(c1)
print(q.poll(0))
