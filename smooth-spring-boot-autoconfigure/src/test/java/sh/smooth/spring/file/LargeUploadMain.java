package sh.smooth.spring.file;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import sh.smooth.spring.support.SmoothTestClients;

/**
 * Run by {@link LargeUploadStreamingTests} in a JVM with a small heap: uploads one file
 * to the given server and prints the id. Mode {@code stream} uses {@code upload(Path)};
 * mode {@code buffered} first reads the file into memory, the mistake the bound must
 * catch.
 */
public final class LargeUploadMain {

	private LargeUploadMain() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String baseUrl = args[0];
		Path file = Path.of(args[1]);
		boolean buffered = "buffered".equals(args[2]);
		try (SmoothTestClients clients = SmoothTestClients.create(baseUrl)) {
			SmoothFiles files = clients.template().files();
			String id = buffered ? files.upload(Files.readAllBytes(file), file.getFileName().toString())
					: files.upload(file, "large test file");
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("uploaded " + id + " peak-heap-bytes " + peak);
		}
		System.exit(0);
	}

}
