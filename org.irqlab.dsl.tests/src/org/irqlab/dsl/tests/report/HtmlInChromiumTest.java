package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.dsl.report.ReportGenerator;
import org.irqlab.dsl.tests.report.Process.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html as a browser shows it: headless Chromium renders the seed incident's report; a probe
 * script counts what was laid out (heatmap cells, curve vertices, the interrupt tables closed and then
 * opened) and where the verdict sits, and a screenshot is kept in target/ for a human to look at.
 */
public class HtmlInChromiumTest {

	private static String chromium;

	@BeforeAll
	static void findChromium() {
		chromium = Process.installed("chromium") ? "chromium"
				: Process.installed("chromium-browser") ? "chromium-browser" : null;
	}

	private static final String PROBE = """
			<script>
			window.addEventListener('load', function () {
			  function rendered(list) {
			    return Array.prototype.filter.call(list, function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
			  }
			  // a closed details element keeps its content laid out (hidden, for find in page): ask what is visible
			  function visible(list) {
			    return Array.prototype.filter.call(list, function (e) { return e.checkVisibility(); }).length;
			  }
			  var verdict = document.getElementById('verdict').getBoundingClientRect();
			  var curve = document.getElementById('curve');
			  var out = document.createElement('pre');
			  out.id = 'probe';
			  out.textContent = 'endCells=' + rendered(document.querySelectorAll('#heatmap-end rect.cpu'))
			    + ' degradedCells=' + rendered(document.querySelectorAll('#heatmap-degraded rect.cpu'))
			    + ' curvePoints=' + curve.points.numberOfItems
			    + ' curveWidth=' + Math.round(curve.getBoundingClientRect().width)
			    + ' verdictTop=' + Math.round(verdict.top)
			    + ' firstSection=' + document.querySelector('main > section').id;
			  var closed = visible(document.querySelectorAll('#interrupts tr'));
			  document.getElementById('interrupts').open = true;
			  var listed = visible(document.querySelectorAll('#interrupts > details > summary'));
			  document.getElementById('probe-1').open = true;
			  out.textContent += ' closedRows=' + closed + ' devicesListed=' + listed
			    + ' openRows=' + visible(document.querySelectorAll('#interrupts tr'))
			    + ' firstIrqs=' + Array.prototype.map.call(document.querySelectorAll('#probe-1 tr'), function (r) {
			        return r.cells[1].textContent + ':' + r.cells[3].textContent; }).slice(1).join(',');
			  document.body.appendChild(out);
			});
			</script>
			""";

	@Test
	void heatmapHasACellPerCpuAndTheCurveAPointPerOperation(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(chromium != null,
				"chromium is not installed (Debian: apt-get install chromium): report.html is not rendered");
		List<ReportGenerator.GeneratedFile> files = Reports.generate(Reports.examples().resolve("seed-incident.irqlab"),
				null, false);
		String html = Reports.content(files, "seed-incident/hotplug/report.html");
		Path page = Files.writeString(dir.resolve("probe.html"), html.replace("</body>", PROBE + "</body>"));

		Result dom = browser(dir, "--dump-dom", page.toUri().toString());
		Matcher probe = Pattern.compile("endCells=(\\d+) degradedCells=(\\d+) curvePoints=(\\d+) curveWidth=(\\d+)"
				+ " verdictTop=(-?\\d+) firstSection=(\\w+) closedRows=(\\d+) devicesListed=(\\d+) openRows=(\\d+)"
				+ " firstIrqs=([\\w.:,-]+)").matcher(dom.output());
		assertTrue(probe.find(), "the probe did not run: " + tail(dom.output()));
		assertEquals(80, Integer.parseInt(probe.group(1)), "one heatmap cell per CPU at the end");
		assertEquals(80, Integer.parseInt(probe.group(2)), "one heatmap cell per CPU when the first device degraded");
		assertEquals(1 + 512, Integer.parseInt(probe.group(3)), "the boot point and one point per probe");
		assertTrue(Integer.parseInt(probe.group(4)) > 600, "the curve spans the chart: " + probe.group(4));
		assertTrue(Integer.parseInt(probe.group(5)) < 120, "the verdict comes first: top " + probe.group(5));
		assertEquals("verdict", probe.group(6));
		assertEquals(0, Integer.parseInt(probe.group(7)), "the interrupt tables are closed at first");
		assertEquals(512, Integer.parseInt(probe.group(8)), "opened, the section lists every probe");
		assertEquals(1 + 3, Integer.parseInt(probe.group(9)), "opening virtio0 shows its three interrupts, and only those");
		assertEquals("virtio0-config:0-39,virtio0-req.0:0-39,virtio0-req.1:40-79", probe.group(10));

		Path report = Files.writeString(dir.resolve("report.html"), html);
		Path screenshot = Path.of("target", "report-seed-incident.png").toAbsolutePath();
		Files.createDirectories(screenshot.getParent());
		Files.deleteIfExists(screenshot);
		Result shot = browser(dir, "--hide-scrollbars", "--window-size=980,2400", "--screenshot=" + screenshot,
				report.toUri().toString());
		assertTrue(Files.isRegularFile(screenshot), "no screenshot: " + tail(shot.output()));
		try (InputStream in = Files.newInputStream(screenshot); DataInputStream png = new DataInputStream(in)) {
			byte[] signature = new byte[16];
			png.readFully(signature);
			assertEquals((byte) 0x89, signature[0]);
			assertEquals('P', signature[1]);
			assertEquals(980, png.readInt(), "screenshot width");
			assertEquals(2400, png.readInt(), "screenshot height");
		}
		assertTrue(Files.size(screenshot) > 50_000, "a blank page would compress to almost nothing");
	}

	private static Result browser(Path dir, String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 9];
		int i = 0;
		command[i++] = chromium;
		command[i++] = "--headless";
		command[i++] = "--no-sandbox";
		command[i++] = "--disable-gpu";
		command[i++] = "--disable-background-networking";
		command[i++] = "--disable-component-update";
		command[i++] = "--disable-sync";
		command[i++] = "--no-first-run";
		command[i++] = "--user-data-dir=" + Files.createTempDirectory(dir, "profile");
		System.arraycopy(args, 0, command, i, args.length);
		return Process.run(dir, command);
	}

	private static String tail(String output) {
		return output.length() > 2000 ? output.substring(output.length() - 2000) : output;
	}
}
