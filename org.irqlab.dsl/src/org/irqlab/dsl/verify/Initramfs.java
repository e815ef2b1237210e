package org.irqlab.dsl.verify;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an initramfs in the kernel's "newc" cpio format: folders, files and symlinks, owned by root.
 * Written here rather than with cpio(1) so that verify needs no more host tools than QEMU and busybox.
 */
public final class Initramfs implements AutoCloseable {

	private static final int DIRECTORY = 0040755;
	private static final int EXECUTABLE = 0100755;
	private static final int FILE = 0100644;
	private static final int SYMLINK = 0120777;

	private final OutputStream out;
	private long written;
	private int inode = 1;

	public Initramfs(Path target) throws IOException {
		out = new BufferedOutputStream(Files.newOutputStream(target));
	}

	public void directory(String path) throws IOException {
		entry(path, DIRECTORY, new byte[0]);
	}

	public void file(String path, byte[] content, boolean executable) throws IOException {
		entry(path, executable ? EXECUTABLE : FILE, content);
	}

	public void file(String path, Path source, boolean executable) throws IOException {
		file(path, Files.readAllBytes(source), executable);
	}

	public void symlink(String path, String target) throws IOException {
		entry(path, SYMLINK, target.getBytes(StandardCharsets.UTF_8));
	}

	// one header per entry: magic, 13 eight-digit hex fields, the name, then the data, each padded to 4 bytes
	private void entry(String name, int mode, byte[] data) throws IOException {
		byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
		StringBuilder header = new StringBuilder("070701");
		long[] fields = { inode++, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0 };
		for (long field : fields) {
			header.append(String.format("%08x", field));
		}
		write(header.toString().getBytes(StandardCharsets.US_ASCII));
		write(nameBytes);
		pad();
		write(data);
		pad();
	}

	private void write(byte[] bytes) throws IOException {
		out.write(bytes);
		written += bytes.length;
	}

	private void pad() throws IOException {
		while (written % 4 != 0) {
			out.write(0);
			written++;
		}
	}

	@Override
	public void close() throws IOException {
		entry("TRAILER!!!", 0, new byte[0]);
		out.close();
	}
}
