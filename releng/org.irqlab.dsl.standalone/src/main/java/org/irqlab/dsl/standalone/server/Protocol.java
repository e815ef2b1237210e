package org.irqlab.dsl.standalone.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What client and server say on the socket. The client sends one request: {@link #MAGIC}, a kind, and for
 * a check its working directory, arguments and the platform facts output depends on. The server answers
 * with frames: a tag, a length and bytes. Output frames come in the order the command wrote them; the
 * client prints them only once the exit frame has arrived, so a server that dies mid-request leaves the
 * client free to run the check itself with nothing printed twice. The client sends nothing after its
 * request and keeps the socket open: the server reads its end of file as "the client is gone" (Ctrl+C).
 */
final class Protocol {

	/** "IRQ" and the protocol's version. */
	static final int MAGIC = 0x49525101;

	static final byte CHECK = 'C';
	static final byte STATUS = 'S';
	static final byte STOP = 'Q';

	/** Bytes for the client's standard output. */
	static final byte OUT = 'O';
	/** Bytes for the client's standard error. */
	static final byte ERR = 'E';
	/** The exit code (4 bytes); the last frame of a check. */
	static final byte EXIT = 'X';
	/** The server does not run this request: the client runs it the plain way. */
	static final byte DECLINED = 'D';
	/** Text for `irqlab server --status/--stop`. */
	static final byte TEXT = 'T';

	private Protocol() {
	}

	static void writeString(DataOutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > (64 << 20)) {
			throw new IOException("bad string length " + length);
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	static void writeFrame(DataOutputStream out, byte tag, byte[] bytes, int offset, int length) throws IOException {
		out.writeByte(tag);
		out.writeInt(length);
		out.write(bytes, offset, length);
	}

	/** @return the frame's tag and bytes; throws {@link EOFException} at the end of the stream */
	static Frame readFrame(DataInputStream in) throws IOException {
		byte tag = in.readByte();
		int length = in.readInt();
		if (length < 0 || length > (256 << 20)) {
			throw new IOException("bad frame length " + length);
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return new Frame(tag, bytes);
	}

	record Frame(byte tag, byte[] bytes) {
	}
}
