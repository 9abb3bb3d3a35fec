package dev.zimclient.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Files that hold a ServerSecret: read only when no other user of the machine can read them. */
final class SecretFiles {
  private SecretFiles() {}

  /** The secret in {@code file}, stripped of surrounding whitespace. */
  static String read(Path file, String what) {
    refuseIfWorldReadable(file, what);
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + what + " " + file + ": " + Failures.words(e));
    }
  }

  /** Refuses a file that every user may read, as ssh does a private key: the secret would be theirs too. */
  static void refuseIfWorldReadable(Path file, String what) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + what + " " + file + ": " + Failures.words(e));
    }
    if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
      throw new ConfigurationException(what + " " + file + " holds a ServerSecret and every user of this machine can read it;"
          + " refused: make it private with chmod 600 " + file);
    }
  }
}
