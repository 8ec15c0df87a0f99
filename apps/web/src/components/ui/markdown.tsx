import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Markdown written by people (admin instructions, comments). Raw HTML is never rendered:
 * react-markdown ignores it and rehype-sanitize strips anything unsafe that remains.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-lantern text-sm leading-6 text-zinc-700">
      <ReactMarkdown
        rehypePlugins={[rehypeSanitize]}
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
