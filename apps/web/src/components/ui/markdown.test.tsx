import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { InlineMarkdown, Markdown } from "./markdown.tsx";

const render = (markdown: string) => renderToString(<Markdown>{markdown}</Markdown>);

describe("Markdown never loads an image", () => {
  it.each([
    ["an outside image", "![x](https://evil.example/p.png)", "https://evil.example/p.png", "x"],
    [
      "a titled image",
      '![pixel](https://evil.example/p.gif "t")',
      "https://evil.example/p.gif",
      "pixel",
    ],
    [
      "an image without alt text",
      "![](https://evil.example/p.png)",
      "https://evil.example/p.png",
      "https://evil.example/p.png",
    ],
    [
      "a reference-style image",
      "![logo][l]\n\n[l]: https://evil.example/l.png",
      "https://evil.example/l.png",
      "logo",
    ],
    ["an image of Lantern's own", "![icon](/icon.svg)", "/icon.svg", "icon"],
  ])(
    "%s: shown as a link to its address, named by its alt text",
    (_name, markdown, address, label) => {
      const html = render(markdown);
      expect(html).not.toMatch(/<img/i);
      // React 19 would also preload an <img>'s address from the document head.
      expect(html).not.toMatch(/rel="preload"/i);
      expect(html).toContain(`href="${address}"`);
      expect(html).toContain(`Image: </span>${label}`);
    },
  );

  it("shows an image inside a link as its alt text, keeping one link", () => {
    const html = render("[![Acme](https://evil.example/p.png)](https://acme.com)");
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("evil.example");
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toMatch(/<a [^>]*href="https:\/\/acme.com"[^>]*>Acme<\/a>/);
  });

  it("shows an image whose address the sanitizer dropped as its alt text only", () => {
    const html = render("![click me](javascript:alert(1))");
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("javascript:");
    expect(html).toContain("click me");
  });

  it("renders raw HTML images as text, never as elements", () => {
    const html = render('<img src="https://evil.example/p.png">');
    expect(html).not.toMatch(/<img/i);
  });

  it("still renders links and text as before", () => {
    const html = render("See **the runbook**: [wiki](https://wiki.acme.com/runbook).");
    expect(html).toContain("<strong>the runbook</strong>");
    expect(html).toContain('href="https://wiki.acme.com/runbook"');
  });
});

describe("InlineMarkdown (descriptions in lists)", () => {
  const inline = (markdown: string) => renderToString(<InlineMarkdown>{markdown}</InlineMarkdown>);

  it("renders code, bold and emphasis, and shows no Markdown syntax", () => {
    const html = inline("Admin on `infra` through **the** _team_.");
    expect(html).toContain(">infra</code>");
    expect(html).toContain("<strong");
    expect(html).toContain("<em>team</em>");
    expect(html).not.toMatch(/[`*_]/);
  });

  it("stays phrasing content: no paragraphs, headings, lists or links", () => {
    const html = inline("# Title\n\nFirst.\n\n- one\n- [two](https://example.com)");
    expect(html).not.toMatch(/<(p|h\d|ul|li|a)\b/);
    expect(html).toContain("Title");
    expect(html).toContain("two");
  });

  it("never renders raw HTML or loads an image", () => {
    const html = inline('<b onclick="x()">hi</b> ![logo](https://evil.example/l.png)');
    expect(html).not.toMatch(/<b\b|onclick|<img|evil\.example/);
    expect(html).toContain("logo");
  });
});
