import { html, query, SafeHtml } from './html';

describe('html', () => {
  it('escapes every interpolated text, in content and in quoted attributes', () => {
    const hostile = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;
    const out = html`<p title="${hostile}">${hostile}</p>`.toString();
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/title="[^"]*"[^>]*onerror/);
    expect(out).toBe(
      '<p title="&#34;&#62;&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;">' +
        '&#34;&#62;&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;</p>',
    );
  });

  it('keeps markup it built itself, and lists of it, as they are', () => {
    const items = ['a<b', 'c&d'].map((t) => html`<li>${t}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`;
    expect(list.toString().replace(/\s+/g, '')).toBe('<ul><li>a&#60;b</li><li>c&#38;d</li></ul>');
  });

  it('renders nothing for false, null and undefined, and numbers as text', () => {
    const shown = false;
    expect(html`<p>${shown && html`<b>x</b>`}${null}${undefined}${42}</p>`.toString()).toBe('<p>42</p>');
  });

  it('drops control characters a visitor could send', () => {
    expect(html`${'a\u0000b\u0008c'}`.toString()).toBe('abc');
  });

  it('treats a string that looks like markup as text, unless marked trusted in code', () => {
    expect(html`${'<b>x</b>'}`.toString()).toBe('&#60;b&#62;x&#60;/b&#62;');
    expect(html`${SafeHtml.trusted('<b>x</b>')}`.toString()).toBe('<b>x</b>');
  });
});

describe('query', () => {
  it('encodes values and leaves out empty ones', () => {
    expect(query({ lang: 'fr', appeal: 'a b&c', agency: '' })).toBe('?lang=fr&appeal=a+b%26c');
    expect(query({ lang: undefined })).toBe('');
  });
});
