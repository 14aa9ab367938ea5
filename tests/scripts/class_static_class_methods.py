class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    @staticmethod
    def area_of_square(side):
        return side * side
    @classmethod
    def square(cls, name):
        return cls(name)
    @classmethod
    def how_many(cls):
        return cls.count
class Square(Shape):
    def __repr__(self):
        return "Square(" + self.name + ")"
print(Shape.area_of_square(4), Shape("s").area_of_square(2))
sq = Square.square("sq1")
print(sq, type(sq) is Square, Shape.how_many(), Square.how_many())
print(sq.how_many(), sq.area_of_square(3))
class Util:
    @staticmethod
    def helper():
        return "no self"
print(Util.helper(), Util().helper())
