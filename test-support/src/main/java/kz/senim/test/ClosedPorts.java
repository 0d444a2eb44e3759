package kz.senim.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ports that refuse connections for the whole test JVM, for a service or a mail server that is "down".
 *
 * <p>Each port is bound by a socket that never listens and is kept open until the JVM ends. A port merely
 * found free and released could be taken by another process meanwhile (seen with two builds on one machine:
 * the "down" server answered as something else).
 */
public final class ClosedPorts {

    private static final List<Socket> RESERVED = new CopyOnWriteArrayList<>();

    private ClosedPorts() {}

    /** A loopback port nothing answers on while this JVM runs. */
    public static int reserve() {
        try {
            Socket reserved = new Socket();
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            RESERVED.add(reserved);
            return reserved.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
