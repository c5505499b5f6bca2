package org.fedbridge.devnet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * Loopback ports: the usual port of each component when it is free (so URLs stay familiar),
 * otherwise any free one. Never hands out the same port twice in one run.
 */
final class Ports {
  private final Set<Integer> taken = new HashSet<>();

  synchronized int preferred(int port) {
    if (!taken.contains(port) && isFree(port)) {
      taken.add(port);
      return port;
    }
    return any();
  }

  synchronized int any() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (taken.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new DevnetException("no free port on 127.0.0.1", e);
      }
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isListening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
