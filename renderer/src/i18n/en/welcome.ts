export const welcome = {
  label: 'Welcome',
  title: 'Welcome to Berth',
  intro: 'Berth runs containers for you and shows, for everything it does, the docker command it equals, so you learn Docker as you go.',
  found: 'Berth found a Docker engine at {{url}}, through {{source}}.',
  daemon: 'The engine is a daemon, dockerd (Docker {{version}}), listening on that socket. Berth talks to it over the Docker Engine API, exactly as the docker client in your terminal does; this command asks the same engine:',
  none: 'No Docker engine answered at {{url}}. Berth can run one of its own: a dockerd it starts for you, or a small virtual machine with Docker inside.',
  setUp: 'Set up Berth’s own engine',
  conceptsIntro: 'New to containers?',
  engineMore: 'How Berth found your engine',
  done: 'Got it',
} as const;

export const concepts = {
  close: 'Close',
  command: 'The command it equals',
  image: {
    link: 'What is an image?',
    title: 'Images and containers',
    body: 'An image is a read-only template: a file system and the command to start, built in layers. Each layer holds the changes of one build step, and images share the layers they have in common, so a second image based on the same one costs little. A container is one running (or stopped) instance of an image with its own writable layer on top: what a program changes inside it lives there and is lost when the container is removed. One image can start many containers.',
  },
  container: {
    link: 'What is a container?',
    title: 'Containers',
    body: 'A container is a program started from an image, isolated from the rest of the computer: it sees its own files, its own processes and its own network. Start, stop and restart it as often as you like; removing it deletes what it wrote, unless that went into a volume.',
  },
  volume: {
    link: 'What is a volume?',
    title: 'Volumes',
    body: 'A volume is storage that Docker keeps outside any container. Mount it at a path inside a container and what the program writes there survives the container: remove the container, start a new one with the same volume, and the data is still there. Databases keep their files in volumes.',
  },
  ports: {
    link: 'How do ports work?',
    title: 'Publishing ports: -p host:container',
    body: 'A program in a container listens on a port of the container’s own network, which your computer cannot reach by itself. Publishing a port forwards one port of your computer (the first number) to one port of the container (the second): with -p 8080:80, http://localhost:8080 reaches the container’s port 80. Berth publishes on 127.0.0.1, this computer only, unless you ask for all interfaces.',
  },
  exec: {
    link: 'How do I get a shell inside?',
    title: 'A shell inside a running container: exec -it',
    body: 'docker exec starts another program inside a container that is already running; with a shell (sh or bash) you can look around as if logged in. -i keeps its input open and -t gives it a terminal, which is what Berth’s Terminal tab does. What you change there is lost when the container is removed.',
  },
} as const;
