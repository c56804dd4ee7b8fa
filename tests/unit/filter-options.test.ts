import { describe, expect, it } from 'vitest';
import { escapeHtml, optionsHtml, type FilterOption } from '#src/components/filter-options.ts';

describe('a long filter list built once as HTML (the dashboard commune filter)', () => {
  const communes: FilterOption[] = [
    { value: '00004', label: 'Phường Ba Đình' },
    { value: '00008', label: 'Xã "Sông" <Lô> & Đà' },
    { value: '00012', label: "Phường Hoàn Kiếm's" },
  ];

  it('escapes labels and values, in the order given', () => {
    const html = optionsHtml({}, () => communes);
    expect(html).toBe(
      '<option value="00004">Phường Ba Đình</option>' +
        '<option value="00008">Xã &quot;Sông&quot; &lt;Lô&gt; &amp; Đà</option>' +
        '<option value="00012">Phường Hoàn Kiếm&#39;s</option>',
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks the selected value only, and nothing when the value is not in the list', () => {
    const key = {};
    const html = optionsHtml(key, () => communes, '00008');
    expect(html.match(/selected/g)).toHaveLength(1);
    expect(html).toContain('<option value="00008" selected>Xã');
    expect(optionsHtml(key, () => communes, '99999')).not.toContain('selected');
    expect(optionsHtml(key, () => communes, null)).not.toContain('selected');
    // A value that looks like a replacement pattern is taken literally.
    const odd = [{ value: '$&', label: 'odd' }];
    expect(optionsHtml({}, () => odd, '$&')).toBe('<option value="$&amp;" selected>odd</option>');
  });

  it('builds a list once per key, and a new key gets its own list', () => {
    const key = {};
    let calls = 0;
    const list = () => {
      calls++;
      return communes;
    };
    const first = optionsHtml(key, list);
    expect(optionsHtml(key, list, '00004')).toContain('selected');
    expect(optionsHtml(key, list)).toBe(first);
    expect(calls).toBe(1);
    expect(optionsHtml({}, () => communes.slice(0, 1))).not.toContain('00008');
  });
});
