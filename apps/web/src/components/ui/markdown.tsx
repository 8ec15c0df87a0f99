import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import { ImageIcon } from "lucide-react";

/**
 * Markdown written by people (admin instructions, comments). Raw HTML is never rendered:
 * react-markdown ignores it and rehype-sanitize strips anything unsafe that remains.
 * Images are never loaded: `![alt](address)` shows as a link named by its alt text, so
 * nobody can plant a tracking pixel that fires for every reader (the page's CSP refuses
 * outside images too).
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-lantern text-sm leading-6 text-zinc-700">
      <ReactMarkdown
        rehypePlugins={[rehypeSanitize, imagesInLinksAsText]}
        components={{
          a: ({ href, children: text }) => (
            <a
              href={href}
              className="font-medium text-sky-700 underline underline-offset-2"
              rel="noreferrer noopener"
              target="_blank"
            >
              {text}
            </a>
          ),
          img: ({ src, alt }) => <ImageLink src={src} alt={alt} />,
          h1: ({ children: c }) => (
            <h3 className="mt-4 mb-2 font-semibold text-zinc-900 first:mt-0">{c}</h3>
          ),
          h2: ({ children: c }) => (
            <h3 className="mt-4 mb-2 font-semibold text-zinc-900 first:mt-0">{c}</h3>
          ),
          h3: ({ children: c }) => (
            <h4 className="mt-3 mb-1.5 font-semibold text-zinc-900 first:mt-0">{c}</h4>
          ),
          p: ({ children: c }) => <p className="my-2 first:mt-0 last:mb-0">{c}</p>,
          ul: ({ children: c }) => <ul className="my-2 list-disc space-y-1 pl-5">{c}</ul>,
          ol: ({ children: c }) => <ol className="my-2 list-decimal space-y-1 pl-5">{c}</ol>,
          code: ({ children: c }) => (
            <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] text-zinc-800">
              {c}
            </code>
          ),
          blockquote: ({ children: c }) => (
            <blockquote className="my-2 border-l-2 border-zinc-300 pl-3 text-zinc-600">
              {c}
            </blockquote>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}

/** What a one-line description keeps of its Markdown: emphasis and code. */
const INLINE_ELEMENTS = ["p", "code", "strong", "em", "del", "a", "img"];

/**
 * A description in a one-line or list context (an apps list row, an entitlement option):
 * its inline Markdown — `code`, **bold**, _emphasis_ — rendered as phrasing content, inside
 * whatever line holds it. Blocks (headings, lists, paragraphs) keep only their text, links
 * their words (a list row is often a link already), images their alt text; raw HTML is
 * never rendered.
 */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      rehypePlugins={[rehypeSanitize]}
      allowedElements={INLINE_ELEMENTS}
      unwrapDisallowed
      components={{
        p: ({ children: c }) => <>{c} </>,
        a: ({ children: c }) => <>{c}</>,
        img: ({ alt }) => <>{alt}</>,
        strong: ({ children: c }) => <strong className="font-semibold">{c}</strong>,
        em: ({ children: c }) => <em>{c}</em>,
        del: ({ children: c }) => <del>{c}</del>,
        code: ({ children: c }) => (
          <code className="rounded bg-zinc-100 px-1 font-mono text-[0.92em] whitespace-nowrap text-zinc-800">
            {c}
          </code>
        ),
      }}
    >
      {children}
    </ReactMarkdown>
  );
}

/** The part of a rehype (HTML syntax) tree this module looks at. */
interface TreeNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

/**
 * A rehype plugin: an image inside a link (`[![alt](img)](href)`) becomes its alt text, so
 * the link stays one link (an image elsewhere becomes a link of its own: ImageLink).
 */
function imagesInLinksAsText() {
  const visit = (node: TreeNode, inLink: boolean) => {
    node.children = node.children?.map((child) => {
      if (inLink && child.type === "element" && child.tagName === "img") {
        const alt = child.properties?.alt;
        return { type: "text", value: typeof alt === "string" && alt.trim() ? alt : "image" };
      }
      visit(child, inLink || (child.type === "element" && child.tagName === "a"));
      return child;
    });
  };
  return (tree: TreeNode) => visit(tree, false);
}

/** An image of the Markdown, shown as a link to its address instead of being loaded. */
function ImageLink({ src, alt }: { src?: unknown; alt?: string }) {
  const address = typeof src === "string" && src.trim() ? src : null;
  const label = alt?.trim() || address || "image";
  const content = (
    <>
      <ImageIcon className="mr-0.5 inline size-3.5 align-[-2px]" aria-hidden />
      <span className="sr-only">Image: </span>
      {label}
    </>
  );
  if (!address) return <span className="text-zinc-600">{content}</span>;
  return (
    <a
      href={address}
      title={address}
      className="font-medium text-sky-700 underline underline-offset-2"
      rel="noreferrer noopener"
      target="_blank"
    >
      {content}
    </a>
  );
}
