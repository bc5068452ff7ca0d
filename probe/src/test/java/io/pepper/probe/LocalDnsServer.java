package io.pepper.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real DNS server on a UDP socket of 127.0.0.1 for one test: it answers A and AAAA
 * queries from the names it was given, any type from the records it was given, a chosen
 * rcode for chosen names (NXDOMAIN for others), or, when silent, reads every query and
 * never answers.
 */
public final class LocalDnsServer implements AutoCloseable {

	private final DatagramSocket socket;

	private final boolean silent;

	private final Map<Name, List<InetAddress>> names = new ConcurrentHashMap<>();

	private final List<String> queries = new CopyOnWriteArrayList<>();

	private final List<Record> records = new CopyOnWriteArrayList<>();

	private final Map<Name, Integer> rcodes = new ConcurrentHashMap<>();

	private LocalDnsServer(boolean silent) {
		this.silent = silent;
		try {
			this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofPlatform().daemon().name("local-dns-" + this.socket.getLocalPort()).start(this::serve);
	}

	/** A server that answers from {@link #add}. */
	public static LocalDnsServer answering() {
		return new LocalDnsServer(false);
	}

	/** A server that reads queries and stays silent. */
	public static LocalDnsServer silent() {
		return new LocalDnsServer(true);
	}

	/** Serves {@code name} with these addresses (IPv4 as A, IPv6 as AAAA records). */
	public LocalDnsServer add(String name, String... addresses) {
		try {
			this.names.put(Name.fromString(name, Name.root),
					java.util.Arrays.stream(addresses).map(InetAddress::ofLiteral).toList());
		}
		catch (TextParseException ex) {
			throw new IllegalArgumentException(ex);
		}
		return this;
	}

	/**
	 * Serves {@code record} (any type) to queries for its name and type, e.g. an MX or
	 * TXT record built with dnsjava.
	 */
	public LocalDnsServer add(Record record) {
		this.records.add(record);
		return this;
	}

	/** Answers every query for {@code name} with {@code rcode} and no records. */
	public LocalDnsServer rcode(String name, int rcode) {
		try {
			this.rcodes.put(Name.fromString(name, Name.root), rcode);
		}
		catch (TextParseException ex) {
			throw new IllegalArgumentException(ex);
		}
		return this;
	}

	public InetSocketAddress address() {
		return new InetSocketAddress(InetAddress.getLoopbackAddress(), this.socket.getLocalPort());
	}

	/** The queries received, as {@code name type}, e.g. {@code status.example.com. A}. */
	public List<String> queries() {
		return List.copyOf(this.queries);
	}

	private void serve() {
		byte[] buffer = new byte[4096];
		while (!this.socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
				Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
				Record question = query.getQuestion();
				this.queries.add(question.getName() + " " + Type.string(question.getType()));
				if (this.silent) {
					continue;
				}
				byte[] answer = answer(query, question).toWire();
				this.socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
			}
			catch (IOException ex) {
				if (this.socket.isClosed()) {
					return;
				}
			}
		}
	}

	private Message answer(Message query, Record question) {
		Message response = new Message(query.getHeader().getID());
		response.getHeader().setFlag(Flags.QR);
		response.getHeader().setFlag(Flags.AA);
		if (query.getHeader().getFlag(Flags.RD)) {
			response.getHeader().setFlag(Flags.RD);
			response.getHeader().setFlag(Flags.RA);
		}
		response.addRecord(question, Section.QUESTION);
		Integer rcode = this.rcodes.get(question.getName());
		if (rcode != null) {
			response.getHeader().setRcode(rcode);
			return response;
		}
		List<Record> named = this.records.stream().filter((r) -> r.getName().equals(question.getName())).toList();
		if (!named.isEmpty()) {
			named.stream()
				.filter((r) -> r.getType() == question.getType())
				.forEach((r) -> response.addRecord(r, Section.ANSWER));
			return response;
		}
		List<InetAddress> addresses = this.names.get(question.getName());
		if (addresses == null) {
			response.getHeader().setRcode(Rcode.NXDOMAIN);
			return response;
		}
		for (InetAddress address : addresses) {
			if (question.getType() == Type.A && address instanceof Inet4Address) {
				response.addRecord(new ARecord(question.getName(), DClass.IN, 60, address), Section.ANSWER);
			}
			else if (question.getType() == Type.AAAA && !(address instanceof Inet4Address)) {
				response.addRecord(new AAAARecord(question.getName(), DClass.IN, 60, address), Section.ANSWER);
			}
		}
		return response;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
