package dev.zimclient.simulator;

/** What the simulator keeps for one app: its rooms, registered users and groups. */
record AppState(Rooms rooms, Users users, Groups groups) {

  AppState() {
    this(new Rooms(), new Users(), new Groups());
  }

  void clear() {
    rooms.clear();
    users.clear();
    groups.clear();
  }
}
