<?xml version="1.0" encoding="UTF-8"?>
<!-- jatei profile for the TEI Consortium's TEI-to-Markdown conversion (TEI Stylesheets).
     The stock conversion drops every <speaker> (an empty template), so a dialogue reads as
     paragraphs with nobody speaking. This profile shows who speaks each turn: the source's
     label in bold, a speaker the editor supplied (<supplied>, an inferred turn) in bold and
     in brackets. Everything else is the stock conversion.
     Install: copy profiles/jatei into the profiles/ folder of a TEI Stylesheets checkout, then
       java -jar Saxon-HE.jar -s:doc.tei.xml -xsl:profiles/jatei/markdown/to.xsl -o:doc.md -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <xsl:import href="../../../markdown/tei-to-markdown.xsl"/>

  <xsl:template match="sp/speaker">
    <xsl:call-template name="newline"/>
    <xsl:text>**</xsl:text>
    <xsl:choose>
      <xsl:when test="supplied">
        <xsl:text>\[</xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:text>\]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="newline"/>
  </xsl:template>
</xsl:stylesheet>
