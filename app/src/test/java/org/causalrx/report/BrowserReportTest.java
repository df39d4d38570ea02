package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.causalrx.cli.DemoRunFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the report in a real browser: runs the demo study (once per JVM, {@link DemoRunFixture}), opens
 * {@code report.html} in headless Debian Chromium and asserts that the page raises no console errors, that every
 * section heading is present in the rendered DOM and that every figure has decoded to a non-empty image; saves a
 * screenshot as {@code app/target/report-screenshot.png}.
 *
 * <p>Chromium is driven through its command line ({@code --dump-dom}, {@code --screenshot}); no WebDriver.
 * Image sizes and errors are read by a probe script injected into a temporary <em>copy</em> of the report (the
 * report itself is opened unmodified for the screenshot and the console log). Skipped when
 * {@code /usr/bin/chromium} is absent; {@code .ci/run} installs it.
 */
public class BrowserReportTest {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String PROBE_ID = "causalrx-browser-probe";

    /** Put first in {@code <head>}: records console.error, uncaught errors and failed resource loads. */
    static final String HOOK = "<script>window.__probeErrors=[];(function(){var e=console.error;"
            + "console.error=function(){window.__probeErrors.push('console.error: '+Array.prototype.join.call("
            + "arguments,' '));return e.apply(console,arguments);};"
            + "window.addEventListener('error',function(ev){var t=ev.target;if(t&&t!==window&&t.tagName){"
            + "window.__probeErrors.push('failed to load '+t.tagName.toLowerCase()+' in #'+(t.id||(t.closest&&"
            + "t.closest('[id]')?t.closest('[id]').id:'')));}else{window.__probeErrors.push('uncaught: '+"
            + "ev.message);}},true);window.addEventListener('unhandledrejection',function(ev){"
            + "window.__probeErrors.push('unhandled rejection: '+ev.reason);});})();</script>";

    /** Put last in {@code <body>}: after load, writes one line per fact into a {@code <pre>} for --dump-dom. */
    static final String PROBE = "<script>window.addEventListener('load',function(){var out=[];"
            + "Array.prototype.forEach.call(document.images,function(i,k){var f=i.closest('figure');"
            + "out.push('IMG '+(f&&f.id?f.id:('img'+k))+' '+i.complete+' '+i.naturalWidth+' '+i.naturalHeight"
            + "+' '+Math.round(i.getBoundingClientRect().width)+' '+Math.round(i.getBoundingClientRect().height));});"
            + "Array.prototype.forEach.call(document.querySelectorAll('h2[id]'),function(h){var r="
            + "h.getBoundingClientRect();out.push('H2 '+h.id+' '+Math.round(r.width)+' '+Math.round(r.height));});"
            + "window.__probeErrors.forEach(function(e){out.push('ERR '+e.replace(/\\s+/g,' '));});"
            + "var p=document.createElement('pre');p.id='" + PROBE_ID + "';p.textContent=out.join('\\n');"
            + "document.body.appendChild(p);});</script>";

    /** Chromium writes page console messages to stderr as {@code ...:INFO:CONSOLE:<line>] "msg", source: ...}. */
    public static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]\\d*\\)?\\] \"(.*)\", source: (.*)$");

    @Test
    @Tag("slow")
    void reportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium not installed at " + CHROMIUM + " (.ci/run installs Debian's chromium)");
        Path report = DemoRunFixture.run().resolve("report.html");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        check(html, dir, targetDir().resolve("report-screenshot.png"));
    }

    /**
     * Every check on one report's HTML; package-visible so a broken report can be fed in by hand.
     */
    static void check(String html, Path dir, Path screenshot) throws Exception {
        // What the report should contain: every section heading the writer knows of, and every figure in the source.
        Set<String> expectedH2 = new LinkedHashSet<>();
        for (ReportSection s : HtmlReport.sections(null, null, List.of())) {
            expectedH2.add(s.id());
        }
        Matcher h2 = Pattern.compile("<h2 id=\"([^\"]+)\"").matcher(html);
        while (h2.find()) {
            expectedH2.add(h2.group(1));
        }
        int expectedImgs = count(html, "<img ");
        assertTrue(expectedImgs > 0, "the report has figures");

        // 1) The report itself, unmodified: screenshot, and the console log on stderr.
        Path report = dir.resolve("report.html");
        Files.writeString(report, html, StandardCharsets.UTF_8);
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.deleteIfExists(screenshot);
        Chrome shot = chromium(dir, "--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1200,3000",
                report.toUri().toString());
        assertTrue(Files.size(screenshot) > 10_000, "screenshot written: " + screenshot);
        // Printable: Chromium prints it to a multi-page PDF (the print style sheet keeps figures whole).
        Path pdf = screenshot.toAbsolutePath().resolveSibling("report-print.pdf");
        Files.deleteIfExists(pdf);
        chromium(dir, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", report.toUri().toString());
        byte[] pdfBytes = Files.readAllBytes(pdf);
        assertTrue(pdfBytes.length > 50_000 && new String(pdfBytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"),
                "report printed to PDF: " + pdf);
        int pages = 0;
        Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdfBytes, StandardCharsets.ISO_8859_1));
        while (page.find()) {
            pages++;
        }
        assertTrue(pages >= 5, "the printed report has several pages, got " + pages);

        // 2) A copy with the probe scripts: rendered DOM after load.
        int head = html.indexOf("<head>");
        int body = html.lastIndexOf("</body>");
        assertTrue(head >= 0 && body > head, "report has <head> and </body>");
        String probed = html.substring(0, head + 6) + HOOK + html.substring(head + 6, body) + PROBE
                + html.substring(body);
        Path probe = dir.resolve("probe.html");
        Files.writeString(probe, probed, StandardCharsets.UTF_8);
        Chrome dom = chromium(dir, "--dump-dom", probe.toUri().toString());

        List<String> errors = new ArrayList<>();
        errors.addAll(consoleErrors(shot.stderr));
        errors.addAll(consoleErrors(dom.stderr));
        Matcher pm = Pattern.compile("<pre id=\"" + PROBE_ID + "\">([^<]*)</pre>").matcher(dom.stdout);
        assertTrue(pm.find(), "probe ran after load; DOM dump starts: "
                + dom.stdout.substring(0, Math.min(300, dom.stdout.length())) + "\nstderr tail: " + tail(dom.stderr));
        Set<String> seenH2 = new LinkedHashSet<>();
        int imgs = 0;
        for (String line : pm.group(1).split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "IMG" -> {
                    imgs++;
                    boolean complete = Boolean.parseBoolean(f[2]);
                    int nw = Integer.parseInt(f[3]);
                    int nh = Integer.parseInt(f[4]);
                    int w = Integer.parseInt(f[5]);
                    int h = Integer.parseInt(f[6]);
                    if (!complete || nw <= 0 || nh <= 0 || w <= 0 || h <= 0) {
                        errors.add("figure " + f[1] + " not rendered: complete=" + complete + ", natural " + nw
                                + "x" + nh + ", laid out " + w + "x" + h);
                    }
                }
                case "H2" -> {
                    seenH2.add(f[1]);
                    if (Integer.parseInt(f[2]) <= 0 || Integer.parseInt(f[3]) <= 0) {
                        errors.add("heading #" + f[1] + " has no size");
                    }
                }
                case "ERR" -> errors.add(line.substring(4));
                default -> {
                }
            }
        }
        assertEquals(expectedImgs, imgs, "every <img> of the source is in the rendered DOM");
        Set<String> missing = new LinkedHashSet<>(expectedH2);
        missing.removeAll(seenH2);
        if (!missing.isEmpty()) {
            errors.add("section headings missing from the rendered page: " + missing);
        }
        if (!errors.isEmpty()) {
            fail("report.html in headless Chromium:\n  " + String.join("\n  ", errors));
        }
    }

    /** Page console messages that are errors: uncaught exceptions, console.error, failed or refused loads. */
    static List<String> consoleErrors(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = CONSOLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String msg = m.group(1);
            // Levels are not written to stderr; the probe hook reports console.error itself, so here only what
            // reads as an error. The report has no scripts of its own, so anything else would be unexpected too.
            if (msg.matches("(?is).*(uncaught|error|failed|refused|not allowed|blocked|violat|deprecat).*")) {
                out.add("console: " + msg + " (" + m.group(2) + ")");
            }
        }
        return out;
    }

    public record Chrome(String stdout, String stderr) {
    }

    public static Chrome chromium(Path dir, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile, "--enable-logging=stderr",
                "--v=0", "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path stdout = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = dir.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(new java.io.File("/dev/null"))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish in 60 s: " + cmd);
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit status; stderr tail: " + tail(err));
        return new Chrome(Files.readString(stdout, StandardCharsets.UTF_8), err);
    }

    static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 2000));
    }

    static int count(String s, String needle) {
        int c = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            c++;
        }
        return c;
    }

    /** {@code app/target}: the parent of the test classes folder, whatever the working directory. */
    static Path targetDir() throws Exception {
        Path classes = Path.of(BrowserReportTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }

    @Test
    void consoleLinesAreParsed() {
        String err = "[509:509:1123/013457.186866:INFO:CONSOLE:5] \"Uncaught ReferenceError: f is not defined\", "
                + "source: file:///tmp/r.html (5)\n[1:1:1123/0.1:INFO:CONSOLE:6] \"hello\", source: file:///x (6)\n"
                + "[509:537:1123/013456.404872:ERROR:dbus/bus.cc:405] Failed to connect to the bus";
        List<String> e = consoleErrors(err);
        assertEquals(1, e.size(), e.toString());
        assertTrue(e.get(0).contains("ReferenceError"));
        assertFalse(consoleErrors("[1:1:1123/0.1:ERROR:gpu_init.cc:1] failed GPU").iterator().hasNext());
    }
}
