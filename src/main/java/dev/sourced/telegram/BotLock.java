package dev.sourced.telegram;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One bot per data directory: an exclusive lock on {@code bot.lock} beside the database, held while the bot runs and
 * released by the operating system if the process dies. The file says who holds it (process id, host, since when), so
 * that a second bot can say which one it found.
 */
final class BotLock implements AutoCloseable {
    static final String FILE_NAME = "bot.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BotLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}; throws {@link BotLockedException} naming the holder if another bot has it. */
    static BotLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new BotLockedException("another Sourced bot already runs on " + dataDir.toAbsolutePath()
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first, or give this one another SOURCED_DATA");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new BotLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BotLockedException("cannot lock " + file + ": " + e.getMessage());
        }
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now() + "\n";
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
