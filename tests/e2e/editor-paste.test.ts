import { describe, expect, it } from 'vitest'
import { collectPageErrors } from './support/app-driver'
import { useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { blockOutline, caretAtEndOf, createNoteThroughUi, noteText, openLab, pasteHtml } from './support/editor-driver'

const bed = useTestBed()

describe('pasting into a note', () => {
  it('drops scripts, event handlers, javascript: links and remote images; keeps safe text and links', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    const errors = collectPageErrors(page)
    const tracker = `${bed.server.url}tracker.png`
    const calledOut: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('tracker')) calledOut.push(request.url())
    })
    await createNoteThroughUi(page, 'Desk research', 'Pasted research')
    const editor = noteText(page)
    await caretAtEndOf(editor, 'Question')
    await page.keyboard.press('Enter')
    await pasteHtml(
      editor,
      [
        '<p onclick="window.__pwned = \'click\'" onmouseover="window.__pwned = \'hover\'">Read the <a href="javascript:window.__pwned=\'link\'">council page</a> and the',
        ' <a href="https://www.coopinnovation.co.uk/">CCIN site</a>.</p>',
        '<script>window.__pwned = "script"</script>',
        `<img src="${tracker}" onerror="window.__pwned = 'img'" alt="chart">`,
        `<iframe src="${tracker}" srcdoc="<script>parent.__pwned='frame'</script>"></iframe>`,
        '<svg onload="window.__pwned = \'svg\'"><circle r="4"/></svg>',
        '<p style="background:url(' + tracker + ')">Styled <b>bold</b> text</p>',
        '<form action="https://evil.example/"><input value="x"><button>Send</button></form>',
        '<a href="data:text/html,<script>alert(1)</script>">data link</a>'
      ].join('')
    )
    await editor.getByText('Styled').waitFor()
    const html = await editor.innerHTML()
    expect(html).not.toMatch(/<(script|img|iframe|svg|form|input|button)\b/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('data:text')
    expect(html).not.toContain('tracker')
    expect(await editor.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.coopinnovation.co.uk/'
    ])
    expect(await editor.innerText()).toContain('Read the council page and the CCIN site.')
    expect(await editor.locator('strong').allInnerTexts()).toEqual(['bold'])
    // Nothing ran, even when the pasted text is clicked and hovered.
    await editor.getByText('council page').click()
    await editor.getByText('council page').hover()
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull()
    expect(calledOut).toEqual([])
    // What was stored is just as clean: it is the same after a reload.
    await page.reload()
    await noteText(page).getByText('Styled').waitFor()
    expect(await noteText(page).innerHTML()).not.toMatch(/javascript:|<script|<img|\son[a-z]+=/i)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull()
    expect(calledOut).toEqual([])
    await expectNoAxeViolations(page, 'note after a hostile paste')
    expect(errors).toEqual([])
  })

  it('keeps the structure of text pasted from Word and from Google Docs', async () => {
    const page = await openLab(bed.browser, bed.server.url)
    await createNoteThroughUi(page, 'Meeting', 'Pasted minutes')
    const editor = noteText(page)
    await caretAtEndOf(editor, 'Discussion')
    await page.keyboard.press('Enter')
    // As Word puts it on the clipboard: list paragraphs with mso-list styles, not <ul>/<ol>.
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoListParagraph {margin:0}</style></head><body>
<h1>Word heading</h1>
<p class=MsoNormal>Plain with <b>bold</b> and <i>italic</i> words<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>First bullet<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New";mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Nested bullet<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Second bullet<o:p></o:p></p>
<p class=MsoNormal>Between the lists</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Step one<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Step two<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal><b>Council</b></p></td><td><p class=MsoNormal><b>Hubs</b></p></td></tr><tr><td><p class=MsoNormal>Oldham</p></td><td><p class=MsoNormal>12</p></td></tr></table>
</body></html>`
    await pasteHtml(editor, word)
    await editor.getByText('Step two').waitFor()
    expect(await editor.locator('h2', { hasText: 'Word heading' }).count()).toBe(1)
    expect(await editor.locator('p', { hasText: 'Plain with' }).innerHTML()).toBe(
      'Plain with <strong>bold</strong> and <em>italic</em> words'
    )
    const bullets = editor.locator('ul', { hasText: 'First bullet' }).first()
    expect(await bullets.evaluate((ul) => [...ul.children].map((li) => li.firstElementChild?.textContent))).toEqual([
      'First bullet',
      'Second bullet'
    ])
    expect(await bullets.locator('ul li').allInnerTexts()).toEqual(['Nested bullet'])
    expect(await editor.locator('ol', { hasText: 'Step one' }).locator('li').allInnerTexts()).toEqual(['Step one', 'Step two'])
    expect(await editor.innerText()).not.toMatch(/·|\bo\s+Nested/)
    expect(await editor.locator('table', { hasText: 'Oldham' }).locator('td, th').allInnerTexts()).toEqual([
      'Council',
      'Hubs',
      'Oldham',
      '12'
    ])

    // As Google Docs puts it: everything inside a <b style="font-weight:normal">, styles on spans.
    await caretAtEndOf(editor, 'Step two')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h2 dir="ltr"><span style="font-size:16pt;font-weight:400">Docs heading</span></h2><p dir="ltr"><span style="font-weight:700">Docs bold</span><span style="font-weight:400"> then </span><span style="font-style:italic;font-weight:400">docs italic</span><span style="font-weight:400"> and a </span><a href="https://docs.example.org/x"><span style="text-decoration:underline">docs link</span></a></p><ul><li dir="ltr"><p dir="ltr"><span>Docs item one</span></p></li><li dir="ltr"><p dir="ltr"><span>Docs item two</span></p></li></ul></b>`
    await pasteHtml(editor, docs)
    await editor.getByText('Docs item two').waitFor()
    expect(await editor.locator('h3', { hasText: 'Docs heading' }).count()).toBe(1)
    // (The Docs paste lands after the Word list, so before the Word table.)
    expect(await editor.locator('strong').allInnerTexts()).toEqual(['bold', 'Docs bold', 'Council', 'Hubs'])
    expect(await editor.locator('em').allInnerTexts()).toEqual(['italic', 'docs italic'])
    expect(await editor.locator('a', { hasText: 'docs link' }).getAttribute('href')).toBe('https://docs.example.org/x')
    expect(await editor.locator('ul', { hasText: 'Docs item one' }).locator('li').allInnerTexts()).toEqual([
      'Docs item one',
      'Docs item two'
    ])
    expect((await blockOutline(editor)).some((line) => line.startsWith('b:'))).toBe(false)
  })
})
