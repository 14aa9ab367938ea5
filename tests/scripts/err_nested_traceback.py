def parse(text):
    return int(text)

def load(lines):
    return [parse(line) for line in lines]

def main():
    data = load(["1", "2", "three"])
    print(data)

main()
