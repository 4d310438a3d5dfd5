from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, help_text="Who said it, e.g. the speaker's name."
    )

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class InlineImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False)
    credit = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "newsroom/blocks/inline_image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=INLINE_FEATURES)
    heading = blocks.CharBlock(
        form_classname="title", template="newsroom/blocks/heading.html", icon="title"
    )
    quote = QuoteBlock()
    image = InlineImageBlock()
