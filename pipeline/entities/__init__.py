"""The entity layer: who is who in an article (people, organizations), built by the people stage
and queried by the quotes and figures stages."""
