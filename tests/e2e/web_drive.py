# SPDX-License-Identifier: GPL-2.0-or-later

# web_drive.py: drives headless Chromium over the DevTools protocol on a
# pipe (--remote-debugging-pipe: no port, no WebSocket, standard library
# only) for test_web.sh. Reads steps from standard input, one JSON object a
# line:
#   {"url": U}            opens U, waits until the page's main[data-ready] is set;
#   {"eval": JS, "label": L}  prints [L, the JSON value of JS] (a promise awaited);
#   {"wait": JS}          waits until JS is true;
#   {"viewport": [W, H]}  a screen of W x H pixels (a phone below 600);
#   {"shot": PNG, "height": H}  a screenshot of the page (its first H pixels).
# A failure (a step timing out, a script error, a Content-Security-Policy
# violation) is printed as ["error", message] and the exit status is 1.
# Usage: python3 web_drive.py CHROMIUM PROFILE_DIR < steps
import base64
import fcntl
import json
import os
import subprocess
import sys
import time

TIMEOUT = 20.0


class Browser:
    def __init__(self, chromium, profile):
        self.to_r, to_w = os.pipe()
        from_r, self.from_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4.
        child_r, child_w = self.to_r, self.from_w

        def fds():
            r = fcntl.fcntl(child_r, fcntl.F_DUPFD, 10)
            w = fcntl.fcntl(child_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-first-run",
             "--no-default-browser-check", "--disable-gpu", "--no-sandbox",
             "--disable-extensions", "--disable-background-networking", "--disable-dev-shm-usage",
             "--disable-component-update", "--disable-sync", "--metrics-recording-only",
             "--user-data-dir=" + profile, "--window-size=1100,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=fds)
        os.close(self.to_r)
        os.close(self.from_w)
        self.w = to_w
        self.r = from_r
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        return self.reply(self.next_id)

    def message(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\0", 1)
        return json.loads(line)

    def reply(self, want):
        while True:
            m = self.message()
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError(m["error"].get("message", str(m["error"])))
                return m.get("result", {})
            self.events.append(m)

    def open_page(self):
        t = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        a = self.send("Target.attachToTarget", {"targetId": t["targetId"], "flatten": True},
                      session=False)
        self.session = a["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable")

    def evaluate(self, js):
        r = self.send("Runtime.evaluate", {"expression": js, "awaitPromise": True,
                                           "returnByValue": True})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise RuntimeError((d.get("exception") or {}).get("description") or d.get("text"))
        return r["result"].get("value")

    def wait(self, js):
        end = time.time() + TIMEOUT
        while time.time() < end:
            if self.evaluate("!!(" + js + ")"):
                return
            time.sleep(0.05)
        raise RuntimeError("timed out waiting for " + js)

    def problems(self):
        """Script exceptions and CSP violations reported since the last call."""
        out = []
        for m in self.events:
            p = m.get("params", {})
            if m.get("method") == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text", "exception"))
            elif m.get("method") == "Log.entryAdded":
                e = p.get("entry", {})
                if e.get("level") == "error" and "Content Security Policy" in e.get("text", ""):
                    out.append(e["text"])
            elif m.get("method") == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append(" ".join(str(a.get("value")) for a in p.get("args", [])))
        self.events = []
        return out

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def said(label, value):
    print(json.dumps([label, value], ensure_ascii=False), flush=True)


def step(b, step):
    """Runs one step on browser b."""
    if "url" in step:
        b.send("Page.navigate", {"url": step["url"]})
        b.wait("!!document.querySelector('main[data-ready]')")
    elif "viewport" in step:
        w, h = step["viewport"]
        b.send("Emulation.setDeviceMetricsOverride", {
            "width": w, "height": h, "deviceScaleFactor": 1, "mobile": w < 600})
    elif "wait" in step:
        b.wait(step["wait"])
    elif "eval" in step:
        said(step.get("label", ""), b.evaluate(step["eval"]))
    elif "shot" in step:
        m = b.send("Page.getLayoutMetrics")
        size = m.get("cssContentSize") or m["contentSize"]
        shot = b.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"],
                     "height": min(size["height"], step.get("height", 6000)), "scale": 1}})
        with open(step["shot"], "wb") as f:
            f.write(base64.b64decode(shot["data"]))


def main():
    chromium, profile = sys.argv[1], sys.argv[2]
    b = Browser(chromium, profile)
    status = 0
    try:
        b.open_page()
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                step(b, json.loads(line))
            except RuntimeError as e:
                said("error", str(e))
                status = 1
            for p in b.problems():
                said("error", p)
                status = 1
    except (RuntimeError, OSError, ValueError) as e:
        said("error", str(e))
        status = 1
    finally:
        b.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
