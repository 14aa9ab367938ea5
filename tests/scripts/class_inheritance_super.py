class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def describe(self):
        return "animal " + self.name
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def describe(self):
        return super().describe() + " (" + self.breed + ")"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
a = Animal("generic")
d = Dog("rex", "lab")
p = Puppy("bit", "pug")
for x in (a, d, p):
    print(x.speak(), "|", x.describe())
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal))
print(issubclass(Dog, Dog), issubclass(Animal, object))
class Base:
    def who(self):
        return "base"
    def call_who(self):
        return self.who()
class Derived(Base):
    def who(self):
        return "derived"
print(Derived().call_who(), Base().call_who())
