"""The PDF reader: a PDF file's bytes in, an `Article` out.

- `document`: PDFium (pypdfium2) opens the file and gives each page's positioned text and the metadata;
- `layout`: positioned text to paragraphs (columns, lines, running headers and footers, reflow), pure;
- `reader`: the article, its title, date, author and publisher, and the refusals (scans, locked files).
"""

from digest.pdf.reader import read_pdf

__all__ = ["read_pdf"]
