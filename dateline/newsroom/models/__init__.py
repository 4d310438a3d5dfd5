from .articles import Article, ArticleTag, Urgency
from .editions import Edition
from .people import Author, Person
from .rubrics import Rubric

__all__ = ["Article", "ArticleTag", "Author", "Edition", "Person", "Rubric", "Urgency"]
